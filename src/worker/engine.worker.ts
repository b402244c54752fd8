import * as Comlink from 'comlink';
import { createEngineApi } from './createEngineApi';

Comlink.expose(createEngineApi());
