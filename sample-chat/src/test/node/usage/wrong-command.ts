// expect: TS2345
import type { SwitchboardEndpoints } from './switchboard';

const chat: SwitchboardEndpoints['/chat'] = Switchboard.connect('/chat');
chat.call('shout', { text: 'hi' });
