export const message = 'a module of the packaged app';
