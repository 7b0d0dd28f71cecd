// Files in and out, all inside the page: dropped files are read here, downloads are made from
// blobs of the page's own text. Nothing is uploaded or stored.

/** Saves `text` as a download named `name`. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name without its extension, safe to build another file name from. */
export const baseName = (name) => name.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-') || 'recording';

/** Files dropped anywhere on the window go to `onFiles`; `zone` is shown while files are dragged over. */
export function acceptDrops(zone, onFiles) {
  let depth = 0;
  const carriesFiles = (event) => event.dataTransfer?.types.includes('Files');
  window.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    depth += 1;
    zone.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(depth - 1, 0);
    if (!depth) zone.hidden = true;
  });
  window.addEventListener('dragover', (event) => {
    if (carriesFiles(event)) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    depth = 0;
    zone.hidden = true;
    onFiles(event.dataTransfer.files);
  });
}
