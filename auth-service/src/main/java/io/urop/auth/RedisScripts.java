package io.urop.auth;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** auth-service's Lua scripts, {@code redis/<name>.lua}. */
public final class RedisScripts {

    private RedisScripts() {
    }

    /**
     * The script, read once into text: given as a resource, a script checks the file's date under a lock on every
     * call.
     */
    public static <T> RedisScript<T> read(String name, Class<T> resultType) {
        return RedisScript.of(text(name), resultType);
    }

    /** A script that answers nothing. */
    public static RedisScript<Void> read(String name) {
        return RedisScript.of(text(name));
    }

    private static String text(String name) {
        return RedisScript.of(new ClassPathResource("redis/" + name + ".lua")).getScriptAsString();
    }
}
