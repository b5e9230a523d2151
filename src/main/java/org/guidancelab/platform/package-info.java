/**
 * The platform the app runs on: where its files go ({@link org.guidancelab.platform.AppDirs}: XDG folders when
 * installed, the source checkout's folders otherwise), the user's settings and the product version. Imports nothing
 * of ours, so every other package may use it.
 */
package org.guidancelab.platform;
