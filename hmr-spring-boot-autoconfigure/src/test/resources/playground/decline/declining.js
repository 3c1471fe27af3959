export const value = 'declining0'

import.meta.hot.decline()
