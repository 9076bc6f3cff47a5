import { defineStrings } from './define';

export const progressStrings = defineStrings(
  {
    'progress.phase.read': '读取',
    'progress.phase.write': '写入',
    'progress.phase.encrypt': '加密',
    'progress.phase.decrypt': '解密',
    'progress.phase.zip': '打包',
    'progress.phase.unzip': '解包',
    'progress.phase.verify': '校验',
    'progress.phase.sign': '签名',
    'progress.phase.render': '排版',
    'progress.files': '{done} / {total} 个文件',
  },
  {
    'progress.phase.read': 'Reading',
    'progress.phase.write': 'Writing',
    'progress.phase.encrypt': 'Encrypting',
    'progress.phase.decrypt': 'Decrypting',
    'progress.phase.zip': 'Packing',
    'progress.phase.unzip': 'Unpacking',
    'progress.phase.verify': 'Verifying',
    'progress.phase.sign': 'Signing',
    'progress.phase.render': 'Typesetting',
    'progress.files': '{done} / {total} files',
  },
);
