// Upload forms marked data-upload send their files with XMLHttpRequest so that the
// <progress> inside can show how much has gone up (videos can be a gigabyte). Without
// JavaScript the same form posts normally; the server answers both the same way.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-upload')) return;
  const bar = form.querySelector('progress');
  const button = form.querySelector('button[type="submit"], button:not([type])');
  event.preventDefault();
  const xhr = new XMLHttpRequest();
  xhr.open('POST', form.action);
  xhr.upload.addEventListener('progress', (e) => {
    if (!bar || !e.lengthComputable) return;
    bar.max = e.total;
    bar.value = e.loaded;
  });
  xhr.addEventListener('load', () => {
    // Success redirects (303) to the order page; errors come back as the page with the form's messages.
    if (xhr.status < 400 && xhr.responseURL) {
      window.location.assign(xhr.responseURL);
      return;
    }
    document.open();
    document.write(xhr.responseText);
    document.close();
  });
  xhr.addEventListener('error', () => {
    if (bar) bar.hidden = true;
    if (button) button.disabled = false;
    const failed = form.querySelector('[data-upload-error]');
    if (failed) failed.hidden = false;
  });
  if (bar) {
    bar.value = 0;
    bar.hidden = false;
  }
  if (button) button.disabled = true;
  xhr.send(new FormData(form));
});
