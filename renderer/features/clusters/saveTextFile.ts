/** Hands text to the browser as a download (Blob + a temporary link): works in Electron and the web form alike. */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
