package io.urop.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest
@Import(ProblemDetailsHandlerTest.DishController.class)
class ProblemDetailsHandlerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void invalidFieldsAreListed() throws Exception {
        mvc.perform(post("/dishes").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"price\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://urop.io/problems/validation"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].field").value("price"));
    }

    @Test
    void malformedJsonIsABadRequestNotAnError() throws Exception {
        mvc.perform(post("/dishes").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://urop.io/problems/malformed-request"))
                .andExpect(content().string(not(containsString("Jackson"))));
    }

    @Test
    void aBadPathParameterIsABadRequest() throws Exception {
        mvc.perform(get("/dishes/not-a-number"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void notFoundAndConflictKeepTheirMeaning() throws Exception {
        mvc.perform(get("/dishes/404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://urop.io/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("Dish 404 not found"));
        mvc.perform(get("/dishes/409"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://urop.io/problems/conflict"));
        mvc.perform(get("/dishes/412"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://urop.io/problems/conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("reload it and try again")));
        mvc.perform(get("/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://urop.io/problems/not-found"));
    }

    @Test
    void wrongMethodAndMediaTypeAreClientErrors() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/dishes"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://urop.io/problems/method-not-allowed"));
        mvc.perform(post("/dishes").contentType(MediaType.TEXT_PLAIN).content("soup"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://urop.io/problems/unsupported-media-type"));
    }

    @Test
    void anUnexpectedErrorRevealsNothingInternal() throws Exception {
        mvc.perform(get("/dishes/500"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://urop.io/problems/unexpected"))
                .andExpect(content().string(not(containsString("secret-table"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    record NewDish(@NotBlank @Size(max = 40) String name, @Min(0) long price) {
    }

    @RestController
    static class DishController {

        @PostMapping("/dishes")
        Map<String, Object> create(@Valid @RequestBody NewDish dish) {
            return Map.of("name", dish.name());
        }

        @GetMapping("/dishes/{id}")
        Map<String, Object> find(@PathVariable long id) {
            if (id == 409) {
                throw new ConflictException("Dish 409 is being edited");
            }
            if (id == 412) {
                throw new org.springframework.dao.OptimisticLockingFailureException("row was updated by another transaction");
            }
            if (id == 500) {
                throw new IllegalStateException("relation secret-table does not exist");
            }
            throw new NotFoundException("Dish " + id + " not found");
        }
    }

    @SpringBootApplication
    static class TestApplication {
    }
}
