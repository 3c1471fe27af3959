// A test calls window.importMissing() once the client is connected
window.importMissing = () =>
  import('./gone.js').catch(() => {
    document.querySelector('.missing').textContent = 'failed'
  })
