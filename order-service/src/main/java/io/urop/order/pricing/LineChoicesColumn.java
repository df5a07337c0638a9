package io.urop.order.pricing;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Choices as one JSON document: they are only ever read and written with the order line or ticket item they belong to. */
@Converter
public class LineChoicesColumn implements AttributeConverter<List<LineChoice>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<LineChoice>> CHOICES = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<LineChoice> choices) {
        return JSON.writeValueAsString(choices == null ? List.of() : choices);
    }

    @Override
    public List<LineChoice> convertToEntityAttribute(String json) {
        return json == null ? List.of() : JSON.readValue(json, CHOICES);
    }
}
