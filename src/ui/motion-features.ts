// Framer Motion's DOM animation features, split out so the first load stays small.
import { domAnimation } from 'framer-motion';

export default domAnimation;
