package io.safaridesk.platform.web;

import io.safaridesk.platform.error.ApiProblem;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Holds every string of a JSON request body, at any depth (property values, array items, map keys), to
 * {@link StorableText}: a refused one is 422 naming its place in the body ({@code customer.emails[1]}).
 */
public final class StorableStringsModule extends SimpleModule {

    public StorableStringsModule() {
        super("safaridesk-storable-strings");
        addDeserializer(String.class, new StorableStringDeserializer());
        addKeyDeserializer(String.class, new StorableKeyDeserializer());
    }

    /** The field at the parser's place, as clients name it: {@code a.b[0].c}, or {@code body} at the root. */
    static String fieldAt(JsonParser parser) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext context = parser.streamReadContext();
                context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                segments.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.currentName() != null) {
                segments.push("." + context.currentName());
            }
        }
        String field = String.join("", segments);
        return field.isEmpty() ? "body" : field.startsWith(".") ? field.substring(1) : field;
    }

    static final class StorableStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !StorableText.isStorable(value)) {
                throw ApiProblem.invalidField(fieldAt(parser), StorableText.REASON);
            }
            return value;
        }
    }

    static final class StorableKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (!StorableText.isStorable(key)) {
                throw ApiProblem.invalidField(fieldAt(context.getParser()), "has a key that " + StorableText.REASON);
            }
            return key;
        }
    }
}
