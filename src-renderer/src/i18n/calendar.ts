import { defineStrings } from './define';

export const calendarStrings = defineStrings(
  {
    'calendar.heading': '工作日日历',
    'calendar.intro':
      '导入后，本机按此日历计算工作日（如公示期 5 个工作日，第十二条（六））。只接受本机已固定的市科技局密钥签名的日历；请先核对上面的签名密钥指纹与纸质通知一致。',
    'calendar.import': '导入此日历',
    'calendar.imported': '已导入 {year} 年工作日日历',
    'calendar.duplicate': '此日历此前已导入，未作任何更改',
    'calendar.refused': '未导入：{reason}',
    'calendar.covered': '本机已导入的市科技局日历：{years} 年',
    'calendar.publicityStart': '公示开始日期',
    'calendar.publicity': '公示期（5 个工作日，第十二条（六））：{start} 至 {end}',
    'calendar.counted': '计入的工作日：{days}',
    'calendar.makeUp': '（调休上班）',
  },
  {
    'calendar.heading': 'Working-day calendar',
    'calendar.intro':
      'Once imported, this installation counts working days by this calendar (e.g. the 5-working-day publicity, article 12(6)). Only a calendar signed by the bureau key pinned here is accepted; compare the fingerprint above with the paper notice first.',
    'calendar.import': 'Import this calendar',
    'calendar.imported': 'Imported the {year} working-day calendar',
    'calendar.duplicate': 'Already imported; nothing changed',
    'calendar.refused': 'Not imported: {reason}',
    'calendar.covered': 'Bureau calendars imported here: {years}',
    'calendar.publicityStart': 'Publicity starts on',
    'calendar.publicity': 'Publicity (5 working days, article 12(6)): {start} to {end}',
    'calendar.counted': 'Working days counted: {days}',
    'calendar.makeUp': ' (make-up working day)',
  },
);
