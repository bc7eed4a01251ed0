/** zh-CN strings of the standalone page (the pane has its own in src/taskpane/strings.ts). */
export const W = {
  title: '绩效目标表助手',
  hint: '文件只在本机浏览器中处理，不会上传。',
  open: '打开文件',
  openAria: '打开 .xlsx 文件',
  inputAria: '选择 .xlsx 文件',
  download: '下载标注副本',
  downloadAria: '下载带校验标注的 Excel 副本',
  downloading: '正在生成标注副本…',
  loading: '正在读取文件…',
  dropTitle: '把 .xlsx 文件拖到这里，或点击选择文件',
  dropHint: '支持 Excel / WPS 保存的 .xlsx 文件；读取、校验和标注都在本机完成。',
  dropOverlay: '松开鼠标即可打开文件',
  notXlsx: (name: string) => `“${name}”不是 .xlsx 文件，请选择 Excel 工作簿（.xlsx）。`,
  readFailed: (why: string) => `无法读取文件：${why}`,
  downloadFailed: (why: string) => `生成标注副本失败：${why}`,
  errorTitle: '无法打开文件',
  dismiss: '关闭',
  sheetTabs: '工作表',
  sheetRegion: (name: string) => `工作表“${name}”的内容`,
  rowsShown: (from: number, to: number, total: number, maxCols?: number) =>
    `显示第 ${from}–${to} 行，共 ${total} 行${maxCols ? `；仅显示前 ${maxCols} 列` : ''}。`,
  prevRows: '上一段',
  nextRows: '下一段',
  fileLabel: (name: string) => `当前文件：${name}`,
  annotatedName: (name: string) => {
    // .xlsm keeps its extension (and its macros); a copy of a copy is not named .已校验.已校验.
    const ext = /\.xlsm$/i.test(name) ? '.xlsm' : '.xlsx';
    return `${name.replace(/\.xls[xm]$/i, '').replace(/\.已校验$/, '')}.已校验${ext}`;
  },
} as const;
