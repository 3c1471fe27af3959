document.querySelector('.loaded').textContent = 'loaded0'

import.meta.hot.accept()
