const label = 'count'
let count = import.meta.hot.data.count ?? 0
console.log(`(self-accept) counter.js runs with ${label}: ${count}`)

const counter = document.querySelector('.counter')
const render = () => {
  counter.textContent = `${label}: ${count}`
}
render()
document.querySelector('.increment').onclick = () => {
  count++
  render()
}

import.meta.hot.dispose((data) => {
  console.log(`(self-accept) dispose, count was ${count}`)
  data.count = count
})
import.meta.hot.accept(() => console.log(`(self-accept) accepted`))
