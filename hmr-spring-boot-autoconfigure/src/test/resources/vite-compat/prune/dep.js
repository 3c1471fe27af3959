export const label = 'with dep';
import.meta.hot.dispose(() => console.log('dep disposed'));
import.meta.hot.prune(() => console.log('dep pruned'));
