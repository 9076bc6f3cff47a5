import type { CliCommandEntry } from './types';

/**
 * Every `jiebang` command, in the order `--help` lists them. A command's module is imported only
 * when that command runs, so `jiebang --help` and the light commands never load the PDF stack.
 * Add a command by writing `src-main/cli/<name>.ts` exporting a `CliCommand` and listing it here.
 */
export const commands: readonly CliCommandEntry[] = [
  {
    name: 'check',
    summary:
      '校验文档（评审包、评分表、专家组意见、任务书…）的格式与规则 / validate a document against schema and rules',
    load: async () => (await import('./check')).checkCommand,
  },
  {
    name: 'score',
    summary:
      "汇总专家组评分表（JSON、文件包或纸质评分表录入的 CSV），输出排名表 / aggregate a panel's sheets",
    load: async () => (await import('./score')).scoreCommand,
  },
  {
    name: 'keygen',
    summary: '生成密钥：市科技局（签名密钥 + age 身份）或其他签名者（签名密钥） / generate keys',
    load: async () => (await import('./keygen')).keygenCommand,
  },
  {
    name: 'pack',
    summary: '把评审包 JSON 和附件打成签名（可加密）的文件包 / pack a signed review package bundle',
    load: async () => (await import('./pack')).packCommand,
  },
  {
    name: 'verify',
    summary: '校验文件包：解密、签名、校验和、内容（每项 ✓/✗） / verify a bundle',
    load: async () => (await import('./verify')).verifyCommand,
  },
  {
    name: 'unpack',
    summary: '校验后解包到目录（校验失败则不写任何文件） / verify, then unpack',
    load: async () => (await import('./unpack')).unpackCommand,
  },
  {
    name: 'package',
    summary:
      "市科技局：由 Excel 名单生成评审包（new）、按办法逐条校验（lint）、签名加密并出具核对通知（sign） / the bureau's review package from its lists",
    load: async () => (await import('./package')).packageCommand,
  },
  {
    name: 'ingest',
    summary:
      '市科技局：收回专家组评审结果文件包，核验、依文件包内评分表重新校验决定，输出汇总结果并记录 / take panel results back',
    load: async () => (await import('./ingest')).ingestCommand,
  },
  {
    name: 'export',
    summary:
      '导出评分汇总表、专家评分明细、专家组意见与核定经费（Excel 或 CSV） / the 评分汇总表 as XLSX or CSV',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'calendar',
    summary:
      '工作日日历：签发（sign）、导入（import）、查看（show）、计算公示期（publicity） / the working-day calendar',
    load: async () => (await import('./calendar')).calendarCommand,
  },
  {
    name: 'inspection',
    summary:
      '实地考察：市科技局签发考察任务（assign）、收回考察报告（ingest）、按批次列出（list） / on-site inspections',
    load: async () => (await import('./inspection')).inspectionCommand,
  },
  {
    name: 'key',
    summary: '市科技局更换签名密钥（rotate），生成新旧密钥共同签名的文件包 / rotate the bureau key',
    load: async () => (await import('./key')).keyCommand,
  },
  {
    name: 'render-taskbook',
    summary: '把任务书 JSON 排版为可打印的 PDF / render a task book to PDF',
    load: async () => (await import('./render-taskbook')).renderTaskbookCommand,
  },
  {
    name: 'print',
    summary:
      '把里程碑考核表或验收结论表（文件包或 JSON）排版为可签字的 PDF / print an assessment or acceptance form',
    load: async () => (await import('./print')).printCommand,
  },
  {
    name: 'verify-print',
    summary: '核对打印件上的核验码与任务书文件是否一致 / check a printed code against a task book',
    load: async () => (await import('./verify-print')).verifyPrintCommand,
  },
];
