document.querySelector('.text').textContent = 'text 0'

import.meta.hot.accept()
