import './dep1.js'

const prune = document.querySelector('.prune')
if (!prune.textContent) {
  prune.textContent = 'prune-init'
}

import.meta.hot.accept()
