import * as Comlink from 'comlink';
import bootImage from 'virtual:kubelab-boot-image';
import { createEngineApi } from './createEngineApi';

Comlink.expose(createEngineApi(undefined, bootImage));
