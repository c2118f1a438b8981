package io.protect.store.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every error answer: what went wrong and, for a bad parameter, which one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String parameter) {

    static ApiError of(int status, String error) {
        return new ApiError(status, error, null);
    }
}
