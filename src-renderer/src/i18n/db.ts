/**
 * What the storage layer (`db/`) says when a record cannot be kept or read. These are thrown as
 * errors below the workflows, which pass them on as sentences (`{ text }` messages), so they are
 * written once here, Chinese first then English, as main writes its errors.
 */
export const dbText = {
  sodiumNotReady: 'libsodium 未就绪或版本不符。 libsodium is not ready or of another version.',
  wasmOutOfMemory: 'WebAssembly 内存不足。 WebAssembly is out of memory.',
  encryptFailed: '加密失败。 Encryption failed.',
  byteOrder:
    '本机字节序为大端，无法读写加密记录（格式 2 为 UTF-16LE）。 This machine is big-endian: sealed records (format 2, UTF-16LE) cannot be read or written here.',
  dataKeyLength: '数据密钥长度错误。 The data key has the wrong length.',
  sealNotReady: '加密模块尚未加载（sealReady）。 The encryption module is not loaded (sealReady).',
  cannotOpen: (table: string, id: string) =>
    `记录无法解密（${table}/${id}）：密钥不对，或记录被改动、移动。 The record ${table}/${id} does not open: wrong key, or it was changed or moved.`,
  badRecord: (table: string) => `${table}：记录格式错误。 ${table}: the record is malformed.`,
  notAnObject: (table: string) => `${table}：只能保存对象。 ${table}: only objects are stored.`,
  noStringId: (table: string) =>
    `${table}：记录缺少字符串主键 id。 ${table}: the record has no string id.`,
  notSealed: (table: string, id: string) =>
    `${table}/${id}：记录未加密或已损坏。 ${table}/${id}: the record is not sealed or is damaged.`,
  bytesMissing: '字节数据缺失。 The bytes are missing.',
  sheetBundleMissing: '评分表文件包缺失。 The sheet bundle is missing.',
  gatheredUnreadable: (id: string, why: string) =>
    `已导入的评分表文件包无法读取（${id}）：${why} The gathered sheet bundle ${id} cannot be read: ${why}`,
  signingKeyMissing: (keyId: string) =>
    `签名密钥 ${keyId} 缺失。 The signing key ${keyId} is missing.`,
  signingSecretMissing: '签名私钥缺失。 The signing secret key is missing.',
  packageNotStored: (packageId: string) =>
    `评审包 ${packageId} 无法保存。 The review package ${packageId} cannot be stored.`,
  attachmentMissing: (name: string) =>
    `附件数据缺失：${name}。 The attachment's data is missing: ${name}.`,
  attachmentCorrupt: (name: string) =>
    `附件校验失败：${name}。 The attachment fails its checksum: ${name}.`,
} as const;
