package io.safaridesk.domain.agent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role as its realm role name ({@code admin}, {@code agent}). */
@Converter
class RoleColumn implements AttributeConverter<AgentRole, String> {

    @Override
    public String convertToDatabaseColumn(AgentRole role) {
        return role == null ? null : role.value();
    }

    @Override
    public AgentRole convertToEntityAttribute(String value) {
        return value == null ? null : AgentRole.of(value);
    }
}
