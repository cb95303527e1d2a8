// The configured action's shape, as the config layer validates it: the UI
// reads it from here, so it never imports the config layer itself.
export type {ActionConfig, ActionInputConfig, ActionScope, Problem} from '../../config/index.ts';
export {scopesOf} from '../../config/index.ts';
