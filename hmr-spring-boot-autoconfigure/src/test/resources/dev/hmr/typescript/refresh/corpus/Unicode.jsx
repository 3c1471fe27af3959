// Überschrift – « guillemets » and emoji 🎉 before the components
import { useState } from 'preact/hooks';

export function Grüße() {
  const [text, setText] = useState('héllo 🎉');
  return <p onClick={() => setText('wörld')}>{text}</p>;
}

export const Émoji = () => {
  const [e] = useState("🎉🎉");
  return <span>{e}</span>;
};
