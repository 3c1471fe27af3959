import './dep2.js'

export const dep1 = 'dep1'
