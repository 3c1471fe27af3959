import { a } from './a.js'
import { b } from './b.js'
import { dep, nested } from './dep.js'

const show = (m, name) => (m === undefined ? 'undefined' : m[name])

document.querySelector('.multi').textContent = `${a} ${b}`
document.querySelector('.single').textContent = `${dep} ${nested}`

import.meta.hot.accept(['./a.js', './b.js'], ([newA, newB]) => {
  console.log(`(multi deps) a: ${show(newA, 'a')}, b: ${show(newB, 'b')}`)
  document.querySelector('.multi').textContent = `${newA ? newA.a : a} ${newB ? newB.b : b}`
})
import.meta.hot.accept('./dep.js', (newDep) => {
  console.log(`(single dep) dep is now: ${newDep.dep}`)
  console.log(`(single dep) nested is now: ${newDep.nested}`)
  document.querySelector('.single').textContent = `${newDep.dep} ${newDep.nested}`
})
