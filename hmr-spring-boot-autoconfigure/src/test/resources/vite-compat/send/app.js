window.sendToServer = (text) => import.meta.hot.send('compat:from-browser', { text });
document.querySelector('.app').textContent = 'ready';
