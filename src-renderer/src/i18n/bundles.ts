import { defineStrings } from './define';

export const bundleStrings = defineStrings(
  {
    'bundles.heading': '文件包核验',
    'bundles.intro':
      '打开任一文件包（.jbx：评审包、评分表、专家组评审结果、任务书、考察任务与报告、日历、密钥更换），逐项核验：解密、安全解包、每位签名者的签名、校验和、审计日志、内容格式。核验通过前不写入任何数据。',
    'bundles.open': '打开文件包…',
    'bundles.reading': '读取与核验 {name}',
    'bundles.encrypted':
      '该文件已加密。请输入纸质通知上的口令，或粘贴 age 身份密钥（AGE-SECRET-KEY-1…）。',
    'bundles.secret': '口令或身份密钥',
    'bundles.decrypt': '解密并核验',
    'bundles.ok': '核验通过',
    'bundles.failed': '核验失败：{message}',
    'bundles.kind': '类型',
    'bundles.signers': '签名者',
    'bundles.fingerprint': '签名密钥指纹（请与纸质文件核对）：',
    'bundles.counter': '计数 {n}',
    'bundles.audit': '审计日志 {n} 条',
    'bundles.created': '签署时间',
    'bundles.subject': '对象',
    'bundles.contents': '内容',
    'bundles.inner': '内嵌评分表',
    'bundles.bytes': '{n} 字节',
    'bundles.saveCopy': '另存副本…',
    'bundles.saved': '已保存：{name}',
    'bundles.kindFormat': '{kind}（第 {n} 版格式）',
    'bundles.signer': '{name}（{role} {id}）',
    'bundles.innerOne': '✓ {name}（{id}）',
    // A door refusing another kind of bundle says what it is, from its manifest's kind (every
    // door, one table): the desk, which takes several kinds, and a door that takes one.
    'bundles.kindNotTaken': '未导入 {file}：此文件包是{kind}（{summary}），本工作台不收此类文件包',
    'bundles.kindNotWanted': '此文件包是{kind}，不是{wanted}，未导入',
  },
  {
    'bundles.heading': 'Verify a bundle',
    'bundles.intro':
      'Open any bundle (.jbx: review package, score sheets, panel result, task book, inspection assignment and report, calendar, key rotation) and check it step by step: decryption, safe unpacking, every signer’s signature, checksums, audit log, content format. Nothing is written before every check passes.',
    'bundles.open': 'Open a bundle…',
    'bundles.reading': 'Reading and verifying {name}',
    'bundles.encrypted':
      'This file is encrypted. Enter the passphrase from the paper notice, or paste an age identity (AGE-SECRET-KEY-1…).',
    'bundles.secret': 'Passphrase or identity',
    'bundles.decrypt': 'Decrypt and verify',
    'bundles.ok': 'All checks passed',
    'bundles.failed': 'Verification failed: {message}',
    'bundles.kind': 'Kind',
    'bundles.signers': 'Signers',
    'bundles.fingerprint': 'Signing key fingerprint (compare with paper)',
    'bundles.counter': 'counter {n}',
    'bundles.audit': 'audit log {n} entries',
    'bundles.created': 'Signed at',
    'bundles.subject': 'Subject',
    'bundles.contents': 'Contents',
    'bundles.inner': 'Inner sheet bundles',
    'bundles.bytes': '{n} bytes',
    'bundles.saveCopy': 'Save a copy…',
    'bundles.saved': 'Saved: {name}',
    'bundles.kindFormat': '{kind} (format {n})',
    'bundles.signer': '{name} ({role} {id})',
    'bundles.innerOne': '✓ {name} ({id})',
    'bundles.kindNotTaken':
      '{file} not imported: this bundle is a {kind} ({summary}); this desk does not take it',
    'bundles.kindNotWanted': 'This bundle is a {kind}, not a {wanted}; not imported',
  },
);
