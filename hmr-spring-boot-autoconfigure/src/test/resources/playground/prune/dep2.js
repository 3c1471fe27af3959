const append = (text) => {
  document.querySelector('.prune').textContent += `|${text}`
}

import.meta.hot.dispose(() => append('dep2-disposed'))
import.meta.hot.prune(() => append('dep2-pruned'))
