document.querySelector('.app').textContent = 'self 1';
import.meta.hot.accept();
