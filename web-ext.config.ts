import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode would launch a browser and crash on a machine with no display.
export default defineWebExtConfig({ disabled: true });
