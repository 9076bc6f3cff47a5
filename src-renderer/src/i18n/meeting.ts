import { defineStrings } from './define';

export const meetingStrings = defineStrings(
  {
    'meeting.heading': '评审会议表格（打印签字）',
    'meeting.intro':
      '每份表格带核验码及其二维码（表格内容规范化 JSON 的 SHA-256），签字扫描件可据此与记录对应（核验打印件）。',
    'meeting.form.sign-in': '签到表',
    'meeting.form.pledge': '保密承诺书及回避声明',
    'meeting.form.blank-sheet': '空白评分表',
    'meeting.form.summary': '评分汇总表',
    'meeting.form.opinion': '专家组意见',
    'meeting.form.fees': '专家评审费签收表',
    'meeting.print': '打印{form}',
    'meeting.fee': '专家评审费（元/人，打印签收表用）',
    'meeting.feePlaceholder': '如 1500；不填则在签收表上手写',
    'meeting.rendering': '正在排版{form}',
    'meeting.saved': '已下载 {name}（浏览器版不能直接打印，请打开后打印）。',
    'meeting.printed': '{form}已送打印。',
    'meeting.canceled': '{form}未打印（已取消）。',
    'meeting.code': '{form}核验码：{code}',
    'verify.form.heading': '会议表格（签到表、专家组意见等）',
    'verify.form.lead':
      '评审会议表格的核验码：选择评审包（.jbx 或 .json）；评分汇总表、专家组意见还须选择组长导出的评审结果文件包，加密时填写市科技局的 age 身份或口令。',
    'verify.form.key': '评审结果文件包的解密密钥（age 身份或口令，未加密时不填）',
    'verify.form.choose': '选择评审包及评审结果并核验…',
  },
  {
    'meeting.heading': 'Meeting forms (print and sign)',
    'meeting.intro':
      "Each form carries a verification code and its QR code (SHA-256 of the form's canonical JSON), so a scanned signed copy can be tied to its record (verify a print).",
    'meeting.form.sign-in': 'Sign-in sheet',
    'meeting.form.pledge': 'Confidentiality pledge and conflict declaration',
    'meeting.form.blank-sheet': 'Blank score sheets',
    'meeting.form.summary': 'Score summary table',
    'meeting.form.opinion': "Panel's opinion",
    'meeting.form.fees': 'Review fee receipts',
    'meeting.print': 'Print: {form}',
    'meeting.fee': 'Review fee per expert (元, for the fee receipts)',
    'meeting.feePlaceholder': 'e.g. 1500; leave empty to write it by hand',
    'meeting.rendering': 'Laying out: {form}',
    'meeting.saved': 'Downloaded {name} (the browser version cannot print: open it and print).',
    'meeting.printed': '{form}: sent to the printer.',
    'meeting.canceled': '{form}: not printed (cancelled).',
    'meeting.code': '{form} verification code: {code}',
    'verify.form.heading': 'Meeting forms (sign-in sheet, panel opinion…)',
    'verify.form.lead':
      "A meeting form's code: choose the review package (.jbx or .json); for the score summary and the panel's opinion also the chair's panel bundle, with the bureau's age identity or passphrase if it is encrypted.",
    'verify.form.key':
      'Key of the panel bundle (age identity or passphrase; empty if not encrypted)',
    'verify.form.choose': 'Choose the package and panel result and verify…',
  },
);
