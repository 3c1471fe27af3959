export { nested } from './nested.js'
export const dep = 'dep0'
