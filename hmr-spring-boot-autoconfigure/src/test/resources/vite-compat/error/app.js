document.querySelector('.app').textContent = 'error 1';
import.meta.hot.accept();
