import.meta.hot.on('my:event', (data) => {
  document.querySelector('.custom').textContent = data.msg
})
import.meta.hot.send('my:from-browser', { n: 1 })
