import { h, createElement } from 'preact';

const styled = (tag) => (strings) => tag;

const Title = styled('h1')`
  color: red;
`;

const Made = createFactory();

const Untouched = createFactory();

const Dynamic = import('./lazy.jsx');

export function Page() {
  return (
    <div>
      <Title />
      {createElement(Made, {})}
    </div>
  );
}

function createFactory() {
  return () => null;
}
