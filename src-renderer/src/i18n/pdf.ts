import { defineStrings } from './define';

export const pdfStrings = defineStrings(
  {
    'pdf.label': '申报材料：{name}',
    'pdf.prev': '上一页',
    'pdf.next': '下一页',
    'pdf.page': '页码',
    'pdf.of': '共 {n} 页',
    'pdf.zoomIn': '放大',
    'pdf.zoomOut': '缩小',
    'pdf.search': '在文档中查找',
    'pdf.searching': '正在查找…',
    'pdf.noHits': '未找到',
    'pdf.hits': '找到 {n} 处：第 {pages} 页',
    'pdf.loading': '正在打开文档…',
    'pdf.error': '无法打开该 PDF：{message}',
  },
  {
    'pdf.label': 'Proposal: {name}',
    'pdf.prev': 'Previous',
    'pdf.next': 'Next',
    'pdf.page': 'Page',
    'pdf.of': 'of {n}',
    'pdf.zoomIn': 'Zoom in',
    'pdf.zoomOut': 'Zoom out',
    'pdf.search': 'Find in document',
    'pdf.searching': 'Searching…',
    'pdf.noHits': 'Not found',
    'pdf.hits': '{n} found: pages {pages}',
    'pdf.loading': 'Opening the document…',
    'pdf.error': 'Cannot open this PDF: {message}',
  },
);
