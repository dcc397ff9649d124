export * from './common.js';
export * from './account.js';
export * from './contact.js';
export * from './interaction.js';
export * from './timeline.js';
export * from './user.js';
export * from './auth.js';
export * from './audit.js';
