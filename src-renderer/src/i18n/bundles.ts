import { defineStrings } from './define';

export const bundleStrings = defineStrings(
  {
    'nav.bundles': '文件包核验',
    'bundles.heading': '文件包核验',
    'bundles.intro':
      '打开评审包、评分表或专家组评审结果文件（.jbx），逐项核验：解密、安全解包、签名、校验和、内容格式。核验通过前不写入任何数据。',
    'bundles.open': '打开文件包…',
    'bundles.reading': '读取与核验 {name}',
    'bundles.encrypted':
      '该文件已加密。请输入纸质通知上的口令，或粘贴 age 身份密钥（AGE-SECRET-KEY-1…）。',
    'bundles.secret': '口令或身份密钥',
    'bundles.decrypt': '解密并核验',
    'bundles.ok': '核验通过',
    'bundles.failed': '核验失败：{message}',
    'bundles.kind': '类型',
    'bundles.signer': '签名者',
    'bundles.fingerprint': '签名密钥指纹（请与纸质文件核对）',
    'bundles.counter': '计数',
    'bundles.created': '签署时间',
    'bundles.package': '评审包编号',
    'bundles.contents': '内容',
    'bundles.inner': '内嵌评分表',
    'bundles.bytes': '{n} 字节',
    'bundles.saveCopy': '另存副本…',
    'bundles.saved': '已保存：{name}',
  },
  {
    'nav.bundles': 'Verify bundles',
    'bundles.heading': 'Verify a bundle',
    'bundles.intro':
      'Open a review package, score sheets or panel result (.jbx) and check it step by step: decryption, safe unpacking, signature, checksums, content format. Nothing is written before every check passes.',
    'bundles.open': 'Open a bundle…',
    'bundles.reading': 'Reading and verifying {name}',
    'bundles.encrypted':
      'This file is encrypted. Enter the passphrase from the paper notice, or paste an age identity (AGE-SECRET-KEY-1…).',
    'bundles.secret': 'Passphrase or identity',
    'bundles.decrypt': 'Decrypt and verify',
    'bundles.ok': 'All checks passed',
    'bundles.failed': 'Verification failed: {message}',
    'bundles.kind': 'Kind',
    'bundles.signer': 'Signer',
    'bundles.fingerprint': 'Signing key fingerprint (compare with paper)',
    'bundles.counter': 'Counter',
    'bundles.created': 'Signed at',
    'bundles.package': 'Package',
    'bundles.contents': 'Contents',
    'bundles.inner': 'Inner sheet bundles',
    'bundles.bytes': '{n} bytes',
    'bundles.saveCopy': 'Save a copy…',
    'bundles.saved': 'Saved: {name}',
  },
);
