document.querySelector('.overlay-text').textContent = 'overlay0'

import.meta.hot.accept()
