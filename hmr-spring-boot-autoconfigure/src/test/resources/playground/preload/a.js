export { value } from './b.js'
