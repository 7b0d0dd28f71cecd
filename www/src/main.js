// Entry point: start the engine worker first, then load the page's code (a separate chunk).

import './engine-instance.js';

import('./app.js');
