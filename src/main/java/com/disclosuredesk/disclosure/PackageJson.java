package com.disclosuredesk.disclosure;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.springframework.stereotype.Component;

/**
 * Writes and reads the documents of disclosure and preservation ({@link DisclosurePackage}, the preservation
 * snapshot) through the application's {@link ObjectMapper}, indented as they have always been written. Digests are
 * taken over the written bytes. Exceptions never carry the data (nor Jackson's causes, which would quote it).
 */
@Component
public class PackageJson {

    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    public PackageJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writer().with(SerializationFeature.INDENT_OUTPUT);
    }

    public byte[] write(Object document) {
        try {
            return writer.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            // the cause would carry the data being serialized: never pass it on
            throw new IllegalStateException("Cannot serialize the " + document.getClass().getSimpleName());
        }
    }

    public <T> T read(byte[] content, Class<T> type) {
        try {
            return mapper.readValue(content, type);
        } catch (IOException e) {
            // the cause would quote the content: never pass it on
            throw new IllegalStateException("Cannot read the stored " + type.getSimpleName());
        }
    }
}
