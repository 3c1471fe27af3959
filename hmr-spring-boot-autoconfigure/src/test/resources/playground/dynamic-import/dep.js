export const dep = 'dep0'

import.meta.hot.accept()
