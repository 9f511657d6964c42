// expect: TS2561
import type { SwitchboardEndpoints } from './switchboard';

const chat: SwitchboardEndpoints['/chat'] = Switchboard.connect('/chat');
chat.call('say', { txt: 'hi' });
