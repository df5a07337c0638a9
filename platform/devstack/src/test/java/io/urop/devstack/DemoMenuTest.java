package io.urop.devstack;

import java.time.Instant;
import java.util.UUID;

import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.model.MenuValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMenuTest {

    @Test
    void theDemoMenuKeepsEveryRuleOfAMenu() {
        // as menu-service reads it: flags and counts left out are false and zero
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        ObjectNode draft = (ObjectNode) json.readTree(DemoSeed.demoMenu());
        draft.put("menuId", UUID.randomUUID().toString()).put("tenantId", UUID.randomUUID().toString())
                .put("version", 1).put("publishedAt", Instant.now().toString());

        MenuSnapshot menu = json.treeToValue(draft, MenuSnapshot.class);

        assertThat(MenuValidator.validate(menu)).isEmpty();
        assertThat(menu.categories()).hasSize(4);
        assertThat(menu.categories().get(1).items().get(1).modifierGroups().get(0).options().get(1).modifierGroups())
                .as("a side with its own dressing choice").hasSize(1);
    }
}
