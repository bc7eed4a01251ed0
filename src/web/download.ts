const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** Hands bytes to the browser as a file download; nothing leaves the machine. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const type = /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
