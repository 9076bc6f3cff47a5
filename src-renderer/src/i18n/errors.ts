import { defineStrings } from './define';

/** What the workflows refuse with, shared by several screens. */
export const errorStrings = defineStrings(
  {
    'signing.selfCheck': '导出的文件包未通过自检，未保存、未导出：{reason}',
    'signing.selfCheckSigner': '导出的文件包未通过自检（签名者或计数不符），未保存、未导出',
    'import.encrypted': '该文件已加密，需先解密；请在“文件包核验”中输入口令或身份密钥查看',
    'import.wrongKind': '这不是{expected}，而是{actual}（可在“文件包核验”中查看）',
    'export.canceled': '未保存：文件已签名并记录，可再次保存',
    'export.failed': '保存失败：{message}。文件已签名并记录，可再次保存',
    'export.saveAgain': '再次保存…',
    'errors.badAnswer': '本机宿主的应答无效，未作更改；请重新启动应用后再试',
    'session.locked': '用户档案已锁定，请先解锁',
  },
  {
    'signing.selfCheck': 'The bundle failed its own check; nothing was saved or exported: {reason}',
    'signing.selfCheckSigner':
      'The bundle failed its own check (signer or counter differ); nothing was saved or exported',
    'import.encrypted':
      'This file is encrypted; open it under “Verify bundles” with its passphrase or identity',
    'import.wrongKind': 'This is not a {expectedEn} but a {actualEn} (see “Verify bundles”)',
    'export.canceled': 'Not saved: the file is signed and recorded; save it again',
    'export.failed': 'Save failed: {message}. The file is signed and recorded; save it again',
    'export.saveAgain': 'Save again…',
    'errors.badAnswer':
      'The host gave an invalid answer; nothing changed. Restart the app and try again',
    'session.locked': 'The profile is locked; unlock it first',
  },
);
