from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.image_encoding import ImageEncoding
from ..models.scheduler import Scheduler
from ..models.sdxl_styles import SDXLStyles
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.image_generation_request_loras_type_0 import (
        ImageGenerationRequestLorasType0,
    )
    from ..models.image_generation_request_textual_inversions_type_0 import (
        ImageGenerationRequestTextualInversionsType0,
    )
    from ..models.image_generation_request_transfer_images_type_0 import (
        ImageGenerationRequestTransferImagesType0,
    )


T = TypeVar("T", bound="ImageGenerationRequest")


@_attrs_define
class ImageGenerationRequest:
    """Generate one or more images from a prompt.

    Attributes:
        prompt (str): What the image shows.
        prompt_2 (None | str | Unset): A second, high-level description (SDXL only).
        negative_prompt (None | str | Unset): What the image should not show.
        negative_prompt_2 (None | str | Unset): A second negative description (SDXL only).
        width (int | None | Unset): The width in pixels (default 1024). SDXL and SSD support (width, height) of
            (640, 1536), (768, 1344), (832, 1216), (896, 1152), (1024, 1024), (1152, 896),
            (1216, 832), (1344, 768) and (1536, 640).
        height (int | None | Unset): The height in pixels (default 1024); see `width`.
        num_images (int | Unset): How many images to generate. Default: 1.
        steps (int | Unset): How many diffusion steps to run. Default: 30.
        cfg_scale (float | Unset): How closely to follow the prompt. Default: 12.0.
        seed (int | list[int | None] | None | Unset): The random seed, or one seed per image (null entries are chosen by
            the service);
            the same seed gives the same image.
        sampler (Scheduler | Unset): The sampler (scheduler) of the diffusion.
        style_preset (None | SDXLStyles | Unset): A predefined style (SDXL only).
        image_encoding (ImageEncoding | Unset): The encoding of the answered images.
        checkpoint (None | str | Unset): A checkpoint asset to generate with (its name, `owner:name` or id).
        vae (None | str | Unset): A VAE asset to decode with (its name, `owner:name` or id).
        loras (ImageGenerationRequestLorasType0 | None | Unset): LoRA assets to apply (name, `owner:name` or id) and
            their weights.
        textual_inversions (ImageGenerationRequestTextualInversionsType0 | None | Unset): Textual inversion assets to
            apply and their trigger words.
        clip_skip (int | None | Unset): Skip the last layers of the text encoder.
        init_image (None | str | Unset): A base64 image to start from (image to image).
        strength (float | Unset): How far image to image may move from `init_image`. Default: 0.8.
        mask_image (None | str | Unset): A base64 mask for inpainting; white is painted.
        inpaint_full_res (bool | Unset):  Default: False.
        inpaint_full_res_padding (int | Unset):  Default: 32.
        outpainting (bool | Unset):  Default: False.
        controlnet (None | str | Unset): A ControlNet to guide generation.
        controlnet_image (None | str | Unset): The base64 image that guides the ControlNet.
        controlnet_conditioning_scale (float | Unset):  Default: 1.0.
        controlnet_early_stop (float | None | Unset):
        controlnet_preprocess (bool | Unset):  Default: True.
        transfer_images (ImageGenerationRequestTransferImagesType0 | None | Unset): Trigger words and sample images of a
            style to transfer.
        high_noise_frac (float | Unset): The fraction of steps run by the base model (SDXL only). Default: 0.8.
        use_refiner (bool | Unset): Apply the SDXL refiner. Default: True.
        log_prompt (bool | Unset): Let the service store the prompt. Default: False.
    """

    prompt: str
    prompt_2: None | str | Unset = UNSET
    negative_prompt: None | str | Unset = UNSET
    negative_prompt_2: None | str | Unset = UNSET
    width: int | None | Unset = UNSET
    height: int | None | Unset = UNSET
    num_images: int | Unset = 1
    steps: int | Unset = 30
    cfg_scale: float | Unset = 12.0
    seed: int | list[int | None] | None | Unset = UNSET
    sampler: Scheduler | Unset = UNSET
    style_preset: None | SDXLStyles | Unset = UNSET
    image_encoding: ImageEncoding | Unset = UNSET
    checkpoint: None | str | Unset = UNSET
    vae: None | str | Unset = UNSET
    loras: ImageGenerationRequestLorasType0 | None | Unset = UNSET
    textual_inversions: ImageGenerationRequestTextualInversionsType0 | None | Unset = (
        UNSET
    )
    clip_skip: int | None | Unset = UNSET
    init_image: None | str | Unset = UNSET
    strength: float | Unset = 0.8
    mask_image: None | str | Unset = UNSET
    inpaint_full_res: bool | Unset = False
    inpaint_full_res_padding: int | Unset = 32
    outpainting: bool | Unset = False
    controlnet: None | str | Unset = UNSET
    controlnet_image: None | str | Unset = UNSET
    controlnet_conditioning_scale: float | Unset = 1.0
    controlnet_early_stop: float | None | Unset = UNSET
    controlnet_preprocess: bool | Unset = True
    transfer_images: ImageGenerationRequestTransferImagesType0 | None | Unset = UNSET
    high_noise_frac: float | Unset = 0.8
    use_refiner: bool | Unset = True
    log_prompt: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.image_generation_request_loras_type_0 import (
            ImageGenerationRequestLorasType0,
        )
        from ..models.image_generation_request_textual_inversions_type_0 import (
            ImageGenerationRequestTextualInversionsType0,
        )
        from ..models.image_generation_request_transfer_images_type_0 import (
            ImageGenerationRequestTransferImagesType0,
        )

        prompt = self.prompt

        prompt_2: None | str | Unset
        if isinstance(self.prompt_2, Unset):
            prompt_2 = UNSET
        else:
            prompt_2 = self.prompt_2

        negative_prompt: None | str | Unset
        if isinstance(self.negative_prompt, Unset):
            negative_prompt = UNSET
        else:
            negative_prompt = self.negative_prompt

        negative_prompt_2: None | str | Unset
        if isinstance(self.negative_prompt_2, Unset):
            negative_prompt_2 = UNSET
        else:
            negative_prompt_2 = self.negative_prompt_2

        width: int | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        else:
            width = self.width

        height: int | None | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        else:
            height = self.height

        num_images = self.num_images

        steps = self.steps

        cfg_scale = self.cfg_scale

        seed: int | list[int | None] | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        elif isinstance(self.seed, list):
            seed = []
            for seed_type_1_item_data in self.seed:
                seed_type_1_item: int | None
                seed_type_1_item = seed_type_1_item_data
                seed.append(seed_type_1_item)

        else:
            seed = self.seed

        sampler: str | Unset = UNSET
        if not isinstance(self.sampler, Unset):
            sampler = self.sampler.value

        style_preset: None | str | Unset
        if isinstance(self.style_preset, Unset):
            style_preset = UNSET
        elif isinstance(self.style_preset, SDXLStyles):
            style_preset = self.style_preset.value
        else:
            style_preset = self.style_preset

        image_encoding: str | Unset = UNSET
        if not isinstance(self.image_encoding, Unset):
            image_encoding = self.image_encoding.value

        checkpoint: None | str | Unset
        if isinstance(self.checkpoint, Unset):
            checkpoint = UNSET
        else:
            checkpoint = self.checkpoint

        vae: None | str | Unset
        if isinstance(self.vae, Unset):
            vae = UNSET
        else:
            vae = self.vae

        loras: dict[str, Any] | None | Unset
        if isinstance(self.loras, Unset):
            loras = UNSET
        elif isinstance(self.loras, ImageGenerationRequestLorasType0):
            loras = self.loras.to_dict()
        else:
            loras = self.loras

        textual_inversions: dict[str, Any] | None | Unset
        if isinstance(self.textual_inversions, Unset):
            textual_inversions = UNSET
        elif isinstance(
            self.textual_inversions, ImageGenerationRequestTextualInversionsType0
        ):
            textual_inversions = self.textual_inversions.to_dict()
        else:
            textual_inversions = self.textual_inversions

        clip_skip: int | None | Unset
        if isinstance(self.clip_skip, Unset):
            clip_skip = UNSET
        else:
            clip_skip = self.clip_skip

        init_image: None | str | Unset
        if isinstance(self.init_image, Unset):
            init_image = UNSET
        else:
            init_image = self.init_image

        strength = self.strength

        mask_image: None | str | Unset
        if isinstance(self.mask_image, Unset):
            mask_image = UNSET
        else:
            mask_image = self.mask_image

        inpaint_full_res = self.inpaint_full_res

        inpaint_full_res_padding = self.inpaint_full_res_padding

        outpainting = self.outpainting

        controlnet: None | str | Unset
        if isinstance(self.controlnet, Unset):
            controlnet = UNSET
        else:
            controlnet = self.controlnet

        controlnet_image: None | str | Unset
        if isinstance(self.controlnet_image, Unset):
            controlnet_image = UNSET
        else:
            controlnet_image = self.controlnet_image

        controlnet_conditioning_scale = self.controlnet_conditioning_scale

        controlnet_early_stop: float | None | Unset
        if isinstance(self.controlnet_early_stop, Unset):
            controlnet_early_stop = UNSET
        else:
            controlnet_early_stop = self.controlnet_early_stop

        controlnet_preprocess = self.controlnet_preprocess

        transfer_images: dict[str, Any] | None | Unset
        if isinstance(self.transfer_images, Unset):
            transfer_images = UNSET
        elif isinstance(
            self.transfer_images, ImageGenerationRequestTransferImagesType0
        ):
            transfer_images = self.transfer_images.to_dict()
        else:
            transfer_images = self.transfer_images

        high_noise_frac = self.high_noise_frac

        use_refiner = self.use_refiner

        log_prompt = self.log_prompt

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if prompt_2 is not UNSET:
            field_dict["prompt_2"] = prompt_2
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if negative_prompt_2 is not UNSET:
            field_dict["negative_prompt_2"] = negative_prompt_2
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if num_images is not UNSET:
            field_dict["num_images"] = num_images
        if steps is not UNSET:
            field_dict["steps"] = steps
        if cfg_scale is not UNSET:
            field_dict["cfg_scale"] = cfg_scale
        if seed is not UNSET:
            field_dict["seed"] = seed
        if sampler is not UNSET:
            field_dict["sampler"] = sampler
        if style_preset is not UNSET:
            field_dict["style_preset"] = style_preset
        if image_encoding is not UNSET:
            field_dict["image_encoding"] = image_encoding
        if checkpoint is not UNSET:
            field_dict["checkpoint"] = checkpoint
        if vae is not UNSET:
            field_dict["vae"] = vae
        if loras is not UNSET:
            field_dict["loras"] = loras
        if textual_inversions is not UNSET:
            field_dict["textual_inversions"] = textual_inversions
        if clip_skip is not UNSET:
            field_dict["clip_skip"] = clip_skip
        if init_image is not UNSET:
            field_dict["init_image"] = init_image
        if strength is not UNSET:
            field_dict["strength"] = strength
        if mask_image is not UNSET:
            field_dict["mask_image"] = mask_image
        if inpaint_full_res is not UNSET:
            field_dict["inpaint_full_res"] = inpaint_full_res
        if inpaint_full_res_padding is not UNSET:
            field_dict["inpaint_full_res_padding"] = inpaint_full_res_padding
        if outpainting is not UNSET:
            field_dict["outpainting"] = outpainting
        if controlnet is not UNSET:
            field_dict["controlnet"] = controlnet
        if controlnet_image is not UNSET:
            field_dict["controlnet_image"] = controlnet_image
        if controlnet_conditioning_scale is not UNSET:
            field_dict["controlnet_conditioning_scale"] = controlnet_conditioning_scale
        if controlnet_early_stop is not UNSET:
            field_dict["controlnet_early_stop"] = controlnet_early_stop
        if controlnet_preprocess is not UNSET:
            field_dict["controlnet_preprocess"] = controlnet_preprocess
        if transfer_images is not UNSET:
            field_dict["transfer_images"] = transfer_images
        if high_noise_frac is not UNSET:
            field_dict["high_noise_frac"] = high_noise_frac
        if use_refiner is not UNSET:
            field_dict["use_refiner"] = use_refiner
        if log_prompt is not UNSET:
            field_dict["log_prompt"] = log_prompt

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.image_generation_request_loras_type_0 import (
            ImageGenerationRequestLorasType0,
        )
        from ..models.image_generation_request_textual_inversions_type_0 import (
            ImageGenerationRequestTextualInversionsType0,
        )
        from ..models.image_generation_request_transfer_images_type_0 import (
            ImageGenerationRequestTransferImagesType0,
        )

        d = dict(src_dict)
        prompt = d.pop("prompt")

        def _parse_prompt_2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_2 = _parse_prompt_2(d.pop("prompt_2", UNSET))

        def _parse_negative_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        negative_prompt = _parse_negative_prompt(d.pop("negative_prompt", UNSET))

        def _parse_negative_prompt_2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        negative_prompt_2 = _parse_negative_prompt_2(d.pop("negative_prompt_2", UNSET))

        def _parse_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        width = _parse_width(d.pop("width", UNSET))

        def _parse_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        height = _parse_height(d.pop("height", UNSET))

        num_images = d.pop("num_images", UNSET)

        steps = d.pop("steps", UNSET)

        cfg_scale = d.pop("cfg_scale", UNSET)

        def _parse_seed(data: object) -> int | list[int | None] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                seed_type_1 = []
                _seed_type_1 = data
                for seed_type_1_item_data in _seed_type_1:

                    def _parse_seed_type_1_item(data: object) -> int | None:
                        if data is None:
                            return data
                        return cast(int | None, data)

                    seed_type_1_item = _parse_seed_type_1_item(seed_type_1_item_data)

                    seed_type_1.append(seed_type_1_item)

                return seed_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | list[int | None] | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        _sampler = d.pop("sampler", UNSET)
        sampler: Scheduler | Unset
        if isinstance(_sampler, Unset):
            sampler = UNSET
        else:
            sampler = Scheduler(_sampler)

        def _parse_style_preset(data: object) -> None | SDXLStyles | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                style_preset_type_0 = SDXLStyles(data)

                return style_preset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SDXLStyles | Unset, data)

        style_preset = _parse_style_preset(d.pop("style_preset", UNSET))

        _image_encoding = d.pop("image_encoding", UNSET)
        image_encoding: ImageEncoding | Unset
        if isinstance(_image_encoding, Unset):
            image_encoding = UNSET
        else:
            image_encoding = ImageEncoding(_image_encoding)

        def _parse_checkpoint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checkpoint = _parse_checkpoint(d.pop("checkpoint", UNSET))

        def _parse_vae(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vae = _parse_vae(d.pop("vae", UNSET))

        def _parse_loras(
            data: object,
        ) -> ImageGenerationRequestLorasType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                loras_type_0 = ImageGenerationRequestLorasType0.from_dict(data)

                return loras_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageGenerationRequestLorasType0 | None | Unset, data)

        loras = _parse_loras(d.pop("loras", UNSET))

        def _parse_textual_inversions(
            data: object,
        ) -> ImageGenerationRequestTextualInversionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                textual_inversions_type_0 = (
                    ImageGenerationRequestTextualInversionsType0.from_dict(data)
                )

                return textual_inversions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ImageGenerationRequestTextualInversionsType0 | None | Unset, data
            )

        textual_inversions = _parse_textual_inversions(
            d.pop("textual_inversions", UNSET)
        )

        def _parse_clip_skip(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        clip_skip = _parse_clip_skip(d.pop("clip_skip", UNSET))

        def _parse_init_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        init_image = _parse_init_image(d.pop("init_image", UNSET))

        strength = d.pop("strength", UNSET)

        def _parse_mask_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mask_image = _parse_mask_image(d.pop("mask_image", UNSET))

        inpaint_full_res = d.pop("inpaint_full_res", UNSET)

        inpaint_full_res_padding = d.pop("inpaint_full_res_padding", UNSET)

        outpainting = d.pop("outpainting", UNSET)

        def _parse_controlnet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        controlnet = _parse_controlnet(d.pop("controlnet", UNSET))

        def _parse_controlnet_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        controlnet_image = _parse_controlnet_image(d.pop("controlnet_image", UNSET))

        controlnet_conditioning_scale = d.pop("controlnet_conditioning_scale", UNSET)

        def _parse_controlnet_early_stop(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        controlnet_early_stop = _parse_controlnet_early_stop(
            d.pop("controlnet_early_stop", UNSET)
        )

        controlnet_preprocess = d.pop("controlnet_preprocess", UNSET)

        def _parse_transfer_images(
            data: object,
        ) -> ImageGenerationRequestTransferImagesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transfer_images_type_0 = (
                    ImageGenerationRequestTransferImagesType0.from_dict(data)
                )

                return transfer_images_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageGenerationRequestTransferImagesType0 | None | Unset, data)

        transfer_images = _parse_transfer_images(d.pop("transfer_images", UNSET))

        high_noise_frac = d.pop("high_noise_frac", UNSET)

        use_refiner = d.pop("use_refiner", UNSET)

        log_prompt = d.pop("log_prompt", UNSET)

        image_generation_request = cls(
            prompt=prompt,
            prompt_2=prompt_2,
            negative_prompt=negative_prompt,
            negative_prompt_2=negative_prompt_2,
            width=width,
            height=height,
            num_images=num_images,
            steps=steps,
            cfg_scale=cfg_scale,
            seed=seed,
            sampler=sampler,
            style_preset=style_preset,
            image_encoding=image_encoding,
            checkpoint=checkpoint,
            vae=vae,
            loras=loras,
            textual_inversions=textual_inversions,
            clip_skip=clip_skip,
            init_image=init_image,
            strength=strength,
            mask_image=mask_image,
            inpaint_full_res=inpaint_full_res,
            inpaint_full_res_padding=inpaint_full_res_padding,
            outpainting=outpainting,
            controlnet=controlnet,
            controlnet_image=controlnet_image,
            controlnet_conditioning_scale=controlnet_conditioning_scale,
            controlnet_early_stop=controlnet_early_stop,
            controlnet_preprocess=controlnet_preprocess,
            transfer_images=transfer_images,
            high_noise_frac=high_noise_frac,
            use_refiner=use_refiner,
            log_prompt=log_prompt,
        )

        return image_generation_request
