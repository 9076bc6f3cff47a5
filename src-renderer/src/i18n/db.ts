/**
 * What the storage layer (`db/`) says when a record cannot be kept or read. These are thrown as
 * errors below the workflows, which pass them on as sentences (`{ text }` messages), so they are
 * written once here, in Chinese, as main writes its errors.
 */
export const dbText = {
  sodiumNotReady: 'libsodium 未就绪或版本不符。',
  wasmOutOfMemory: 'WebAssembly 内存不足。',
  encryptFailed: '加密失败。',
  byteOrder: '本机字节序为大端，无法读写加密记录（格式 2 为 UTF-16LE）。',
  dataKeyLength: '数据密钥长度错误。',
  sealNotReady: '加密模块尚未加载（sealReady）。',
  cannotOpen: (table: string, id: string) =>
    `记录无法解密（${table}/${id}）：密钥不对，或记录被改动、移动。`,
  badRecord: (table: string) => `${table}：记录格式错误。`,
  notAnObject: (table: string) => `${table}：只能保存对象。`,
  noStringId: (table: string) => `${table}：记录缺少字符串主键 id。`,
  notSealed: (table: string, id: string) => `${table}/${id}：记录未加密或已损坏。`,
  bytesMissing: '字节数据缺失。',
  sheetBundleMissing: '评分表文件包缺失。',
  gatheredUnreadable: (id: string, why: string) => `已导入的评分表文件包无法读取（${id}）：${why}`,
  signingKeyMissing: (keyId: string) => `签名密钥 ${keyId} 缺失。`,
  signingSecretMissing: '签名私钥缺失。',
  packageNotStored: (packageId: string) => `评审包 ${packageId} 无法保存。`,
  attachmentMissing: (name: string) => `附件数据缺失：${name}。`,
  attachmentCorrupt: (name: string) => `附件校验失败：${name}。`,
} as const;
